/**
 * What features receive from the app: repositories, the bridge, this desk's identity, a clock and
 * the sync status.
 * Provided once at the root; features read it with `useServices()`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { DeskBridge } from '../../shared/ipc/bridge';
import type { Repositories, SyncService } from '../data/index';
import type { AppShell } from '../platform/app-shell';
import type { DeskIdentity } from '../session/staff-session';

/** The device, and the staff on duty: `staffId` reads the PIN sign-in session, `staff` subscribes to it. */
export type { DeskIdentity };

export interface Services {
  repos: Repositories;
  bridge: DeskBridge;
  identity: DeskIdentity;
  /** ms since epoch; injectable so tests and benchmarks can pin time. */
  now: () => number;
  /** Browser's view of the network; the sync layer refines it. */
  isOnline: () => boolean;
  /** Sync with the central server: status (subscribe/current) and "sync now". */
  sync: SyncService;
  /** The web build's offline shell (updates, secure context); Electron's is a stand-in. */
  shell: AppShell;
}

const ServicesContext = createContext<Services | null>(null);

export const ServicesProvider = ({ services, children }: { services: Services; children: ReactNode }) => (
  <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
);

export const useServices = (): Services => {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
};
