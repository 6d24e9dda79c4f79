import { storeContract } from './store.contract';

storeContract('postgres');
