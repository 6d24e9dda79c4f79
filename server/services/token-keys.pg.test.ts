import { tokenKeysSuite } from './token-keys.suite';

tokenKeysSuite('postgres');
