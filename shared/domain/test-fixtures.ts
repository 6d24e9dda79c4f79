/** Moved to tests/support/builders/fixed.ts; kept until every importer has moved. */
export * from '../../tests/support/builders/fixed';
