export * from './channels';
export * from './bridge';
export * from './validate';
