import { equipmentRepositoryContract } from './equipment.contract';
import { memoryStorage } from './storage';

equipmentRepositoryContract('memory', () => memoryStorage());
