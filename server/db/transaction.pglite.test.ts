import { transactionSuite } from './transaction.suite';

transactionSuite('pglite');
