import { quotaSuite } from './quotas.suite';

quotaSuite('pglite');
