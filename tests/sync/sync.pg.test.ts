import { syncSuite } from './sync.suite';

syncSuite('postgres');
