import { repositoryContract } from './repositories.contract';
import { memoryStorage } from './storage';

repositoryContract('memory', () => memoryStorage());
