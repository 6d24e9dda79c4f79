import { equipmentAuthorityContract } from './authority-equipment.contract';

equipmentAuthorityContract('postgres');
