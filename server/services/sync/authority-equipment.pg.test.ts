import { equipmentAuthoritySuite } from './authority-equipment.suite';

equipmentAuthoritySuite('postgres');
