import { repositorySuite } from './repositories.suite';
import { memoryStorage } from './storage';

repositorySuite('memory', () => memoryStorage());
