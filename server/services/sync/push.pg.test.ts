import { pushSuite } from './push.suite';

pushSuite('postgres');
