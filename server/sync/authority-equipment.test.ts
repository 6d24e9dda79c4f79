import { equipmentAuthorityContract } from './authority-equipment.contract';

equipmentAuthorityContract('pglite');
