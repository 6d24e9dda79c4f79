import { memberCardMigrationSuite } from './member-card-migration.suite';

memberCardMigrationSuite('pglite');
