/** Subscribes to a repository stream for the lifetime of a component. */
import { startTransition, useEffect, useState, type DependencyList } from 'react';
import type { Unsubscribe } from '../data/index';

export interface SubscriptionOptions {
  /**
   * Render each update as a transition (React may interrupt it): for lists that change with every
   * scan, so that the urgent update of the same moment (the result panel) paints first.
   */
  transition?: boolean;
}

export const useSubscription = <T,>(
  subscribe: (listener: (value: T) => void) => Unsubscribe,
  initial: T,
  deps: DependencyList,
  { transition = false }: SubscriptionOptions = {},
): T => {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => subscribe(transition ? (next) => startTransition(() => setValue(next)) : setValue), [...deps, transition]); // eslint-disable-line react-hooks/exhaustive-deps
  return value;
};
