/**
 * The desk's screens and their navigation commands, in one list: the side menu, the keyboard
 * shortcuts (F1–F6) and the tests all read it.
 */
import {
  BarChartOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  SettingOutlined,
  SyncOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Command } from './commands';
import { BookingsScreen } from '../features/bookings/bookings-screen';
import { CheckInScreen } from '../features/check-in/check-in-screen';
import { EquipmentScreen } from '../features/equipment/equipment-screen';
import { ReportsScreen } from '../features/reports/reports-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { SyncScreen } from '../features/sync/sync-screen';

export interface ScreenSpec {
  id: 'check-in' | 'bookings' | 'equipment' | 'sync' | 'reports' | 'settings';
  /** i18n key of the menu label */
  label: string;
  /** `KeyboardEvent.key` that opens it */
  shortcut: string;
  icon: ComponentType;
  component: ComponentType;
}

export const SCREENS: readonly ScreenSpec[] = [
  { id: 'check-in', label: 'nav.checkIn', shortcut: 'F1', icon: CheckCircleOutlined, component: CheckInScreen },
  { id: 'bookings', label: 'nav.bookings', shortcut: 'F2', icon: CalendarOutlined, component: BookingsScreen },
  { id: 'equipment', label: 'nav.equipment', shortcut: 'F3', icon: ToolOutlined, component: EquipmentScreen },
  { id: 'sync', label: 'nav.sync', shortcut: 'F4', icon: SyncOutlined, component: SyncScreen },
  { id: 'reports', label: 'nav.reports', shortcut: 'F5', icon: BarChartOutlined, component: ReportsScreen },
  { id: 'settings', label: 'nav.settings', shortcut: 'F6', icon: SettingOutlined, component: SettingsScreen },
];

export type ScreenId = ScreenSpec['id'];

/** The screens' shortcuts as a command registry (app/commands.ts): always on, each opens its screen. */
export const SCREEN_COMMANDS: readonly Command<ScreenId, null, (id: ScreenId) => void>[] = SCREENS.map((s) => ({
  id: s.id,
  key: s.shortcut,
  label: s.label,
  enabled: () => true,
  action: (go) => go(s.id),
}));
export const DEFAULT_SCREEN: ScreenId = 'check-in';

export const screenFromHash = (hash: string): ScreenId => {
  const id = hash.replace(/^#\/?/, '');
  return SCREENS.some((s) => s.id === id) ? (id as ScreenId) : DEFAULT_SCREEN;
};
