import { storeContract } from './store.contract';

storeContract('pglite');
