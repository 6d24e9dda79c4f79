import { bookingSyncSuite } from './bookings.suite';

bookingSyncSuite('pglite');
