import { bookingSyncSuite } from './bookings.suite';

bookingSyncSuite('postgres');
