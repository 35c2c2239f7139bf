import * as RadixSelect from '@radix-ui/react-select';
import { Check, ChevronDown } from 'lucide-react';
import { useId } from 'react';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/**
 * A compact styled select (Radix) for toolbars: sort orders and filters. The visible label is
 * optional; `label` always names the control for screen readers.
 */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  showLabel = false,
  icon,
}: {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  showLabel?: boolean;
  icon?: React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="toolbar-select">
      <span id={id} className={showLabel ? 'label' : 'visually-hidden'}>
        {label}
      </span>
      <RadixSelect.Root value={value} onValueChange={(v) => onChange(v as T)}>
        <RadixSelect.Trigger className="button select-trigger" aria-labelledby={id}>
          {icon}
          <span className="select-value">
            <RadixSelect.Value />
          </span>
          <RadixSelect.Icon>
            <ChevronDown size={14} aria-hidden />
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content className="select-content" position="popper" sideOffset={4}>
            <RadixSelect.Viewport className="select-viewport">
              {options.map((o) => (
                <RadixSelect.Item key={o.value} value={o.value} className="select-item">
                  <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
                  <RadixSelect.ItemIndicator className="select-item-indicator">
                    <Check size={14} aria-hidden />
                  </RadixSelect.ItemIndicator>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
