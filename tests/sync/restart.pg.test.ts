import { restartSuite } from './restart.suite';

restartSuite('postgres');
