import { equipmentRepositorySuite } from './equipment.suite';
import { memoryStorage } from './storage';

equipmentRepositorySuite('memory', () => memoryStorage());
