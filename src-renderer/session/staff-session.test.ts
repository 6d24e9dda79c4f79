import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../shared/ipc/channels';
import { createStaffSession, deskIdentity } from './staff-session';

const fakeStorage = () => {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
};

const device: DeviceStatus = { enrolled: false, deviceId: 'DESK-1', deskName: '', stationId: '', serverUrl: '' };

describe('staff session', () => {
  it('signs in and out, tells subscribers, and the identity reads the current staff id', () => {
    const session = createStaffSession(fakeStorage());
    const identity = deskIdentity(device, session, { minutes: () => 10, setMinutes: () => undefined });
    const seen: (string | null)[] = [];
    const unsubscribe = session.subscribe((s) => seen.push(s?.name ?? null));
    expect(identity.staffId).toBe('');
    session.signIn({ id: 'S-1', name: '李前台', role: 'desk' });
    expect(identity.staffId).toBe('S-1');
    session.signOut();
    expect(identity.staffId).toBe('');
    unsubscribe();
    session.signIn({ id: 'S-2', name: '王站长', role: 'manager' });
    expect(seen).toEqual(['李前台', null]);
  });

  it('survives a reload through its storage, and ignores garbage there', () => {
    const storage = fakeStorage();
    createStaffSession(storage).signIn({ id: 'S-1', name: '李前台', role: 'desk' });
    expect(createStaffSession(storage).current()).toEqual({ id: 'S-1', name: '李前台', role: 'desk' });
    storage.setItem('station-desk.staff-on-duty', JSON.stringify({ id: 'S-1', name: 'x', role: 'admin' }));
    expect(createStaffSession(storage).current()).toBeNull();
    storage.setItem('station-desk.staff-on-duty', '{');
    expect(createStaffSession(storage).current()).toBeNull();
    expect(createStaffSession().current()).toBeNull();
  });
});
