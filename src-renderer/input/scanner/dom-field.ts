/**
 * The focused text field in a real page, for the key handler: snapshot/restore of its value and
 * selection, and typing text into it. Values are set through the element prototype's setter and
 * announced with an `input` event, which is what React's controlled inputs listen to.
 */
import type { FieldAccess } from './key-handler';

type TextField = HTMLInputElement | HTMLTextAreaElement;

export interface FieldSnapshot {
  element: TextField;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number', '']);

const focusedTextField = (): TextField | null => {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement) return active;
  if (active instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(active.type)) return active;
  return null;
};

const setValue = (element: TextField, value: string) => {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
};

const select = (element: TextField, start: number | null, end: number | null) => {
  if (start === null || end === null || document.activeElement !== element) return;
  try {
    element.setSelectionRange(start, end);
  } catch {
    // type=number and friends have no selection
  }
};

export const domField: FieldAccess<FieldSnapshot> = {
  snapshot() {
    const element = focusedTextField();
    if (!element) return null;
    return { element, value: element.value, selectionStart: element.selectionStart, selectionEnd: element.selectionEnd };
  },
  restore({ element, value, selectionStart, selectionEnd }) {
    if (!element.isConnected) return;
    if (element.value !== value) setValue(element, value);
    select(element, selectionStart, selectionEnd);
  },
  insert(text) {
    const element = focusedTextField();
    if (!element || text === '') return;
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    setValue(element, element.value.slice(0, start) + text + element.value.slice(end));
    select(element, start + text.length, start + text.length);
  },
};
