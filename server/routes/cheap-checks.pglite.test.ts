import { cheapChecksSuite } from './cheap-checks.suite';

cheapChecksSuite('pglite');
