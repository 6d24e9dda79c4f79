import { equipmentAuthoritySuite } from './authority-equipment.suite';

equipmentAuthoritySuite('pglite');
