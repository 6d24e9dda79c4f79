import { bookingRepositorySuite } from './bookings.suite';
import { memoryStorage } from './storage';

bookingRepositorySuite('memory', () => memoryStorage());
