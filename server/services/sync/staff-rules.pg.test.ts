import { staffRulesSuite } from './staff-rules.suite';

staffRulesSuite('postgres');
