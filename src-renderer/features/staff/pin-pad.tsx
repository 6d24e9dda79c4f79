/**
 * A PIN pad: a masked field that takes digits from the keyboard (Enter submits, Esc clears, a second Esc
 * closes the dialog around it) and
 * on-screen keys for a mouse or a touch screen. It only collects the PIN; callers verify it.
 */
import { Alert, Button, Input, Space } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface PinPadProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  busy?: boolean;
  error?: string | null;
  submitLabel: string;
  /** Keys the pad does not use (arrows for the staff choice). */
  onOtherKey?(event: KeyboardEvent<HTMLInputElement>): void;
  testId?: string;
  /** A visible label above the field (the override pad says whose PIN it wants). */
  label?: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'back', '0', 'clear'] as const;

export const PinPad = ({ value, onChange, onSubmit, busy, error, submitLabel, onOtherKey, testId = 'pin', label }: PinPadProps) => {
  const { t } = useTranslation();
  const input = useRef<InputRef>(null);
  useEffect(() => {
    // after the surrounding dialog (if any) has placed its own focus
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);
  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'back') onChange(value.slice(0, -1));
    else if (key === 'clear') onChange('');
    else if (value.length < 8) onChange(value + key);
    input.current?.focus();
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: 280 }}>
      {label && (
        <label htmlFor={`${testId}-field`} data-testid={`${testId}-label`} style={{ display: 'block', marginBottom: -8 }}>
          {label}
        </label>
      )}
      <Input.Password
        id={`${testId}-field`}
        ref={input}
        data-testid={`${testId}-input`}
        size="large"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={value}
        disabled={busy}
        placeholder={t('staff.pinPlaceholder')}
        aria-label={label ?? t('staff.pin')}
        visibilityToggle={false}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 8))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape' && value !== '') {
            // first Esc clears the PIN; with nothing typed it reaches the dialog, which closes
            e.stopPropagation();
            onChange('');
          } else onOtherKey?.(e);
        }}
        style={{ fontSize: 24, letterSpacing: 8 }}
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }}>
        {KEYS.map((key) => (
          <Button key={key} size="large" tabIndex={-1} disabled={busy} onMouseDown={(e) => e.preventDefault()} onClick={() => press(key)}>
            {key === 'back' ? t('staff.back') : key === 'clear' ? t('staff.clear') : key}
          </Button>
        ))}
      </div>
      {error && <Alert type="error" showIcon message={error} data-testid={`${testId}-error`} />}
      <Button type="primary" size="large" block loading={busy} onClick={onSubmit} data-testid={`${testId}-submit`}>
        {busy ? t('staff.checking') : submitLabel}
      </Button>
    </Space>
  );
};
