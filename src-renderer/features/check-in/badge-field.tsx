/**
 * The card-number field of the check-in screen. It keeps its own text, so a keystroke re-renders
 * this field alone: the first keys of a scanner burst reach the focused field before the burst is
 * recognised, and when each of them re-rendered the whole screen (result panel, recent list), the
 * rest of the burst — Enter included — waited ~20 ms per key behind that work (bench/README.md).
 */
import { Input, type InputRef } from 'antd';
import { memo, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { PASS_MAX_LENGTH } from '../../../shared/passes/index';

export interface BadgeFieldHandle {
  focus(): void;
  clear(): void;
  /** What Enter does: hands the typed text over and empties the field. */
  submit(): void;
}

export interface BadgeFieldProps {
  handle: Ref<BadgeFieldHandle>;
  disabled: boolean;
  placeholder: string;
  /** Enter in the field: the text typed by hand. */
  onSubmit(text: string): void;
}

export const BadgeField = memo(function BadgeField({ handle, disabled, placeholder, onSubmit }: BadgeFieldProps) {
  const [value, setValue] = useState('');
  const input = useRef<InputRef>(null);
  const submit = useRef(() => {});
  submit.current = () => {
    onSubmit(value);
    setValue('');
  };
  useImperativeHandle(handle, () => ({ focus: () => input.current?.focus(), clear: () => setValue(''), submit: () => submit.current() }), []);
  return (
    <Input
      ref={input}
      data-testid="badge-input"
      size="large"
      value={value}
      disabled={disabled}
      maxLength={PASS_MAX_LENGTH}
      placeholder={placeholder}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => submit.current()}
      autoComplete="off"
      style={{ fontSize: 24 }}
    />
  );
});
