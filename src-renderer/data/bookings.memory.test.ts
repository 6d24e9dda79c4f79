import { bookingRepositoryContract } from './bookings.contract';
import { memoryStorage } from './storage';

bookingRepositoryContract('memory', () => memoryStorage());
