import { transactionSuite } from './transaction.suite';

transactionSuite('postgres');
