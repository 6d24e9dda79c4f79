import { restartSuite } from './restart.suite';

restartSuite('pglite');
