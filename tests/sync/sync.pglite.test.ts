import { syncSuite } from './sync.suite';

syncSuite('pglite');
