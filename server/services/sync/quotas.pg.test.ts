import { quotaSuite } from './quotas.suite';

quotaSuite('postgres');
