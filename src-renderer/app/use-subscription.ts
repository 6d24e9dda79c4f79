/** Subscribes to a repository stream for the lifetime of a component. */
import { useEffect, useState, type DependencyList } from 'react';
import type { Unsubscribe } from '../data/index';

export const useSubscription = <T,>(subscribe: (listener: (value: T) => void) => Unsubscribe, initial: T, deps: DependencyList): T => {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => subscribe(setValue), deps); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
};
