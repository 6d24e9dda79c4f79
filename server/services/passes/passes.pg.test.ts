import { passesSuite } from './passes.suite';

passesSuite('postgres');
