import { passesSuite } from './passes.suite';

passesSuite('pglite');
