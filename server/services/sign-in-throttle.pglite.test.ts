import { signInThrottleSuite } from './sign-in-throttle.suite';

signInThrottleSuite('pglite');
