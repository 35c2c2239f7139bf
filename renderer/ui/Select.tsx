import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { Check, ChevronDown } from 'lucide-react';
import { usePopupLayer } from './PopupLayer.tsx';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/**
 * A compact choice for toolbars (sort orders, filters): a button showing the current value that
 * opens a Radix menu of radio items. A menu rather than Radix Select because Select is modal and
 * marks the rest of the page aria-hidden while it stays focusable, which axe rightly flags.
 * The button's name says both what it chooses and the current choice: "Sort by: Name".
 */
export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  icon,
}: {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  icon?: React.ReactNode;
}) {
  const layer = usePopupLayer();
  const current = options.find((o) => o.value === value)?.label ?? '';
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>
        <button type="button" className="select-trigger" aria-label={`${label}: ${current}`}>
          {icon}
          <span className="select-value">{current}</span>
          <ChevronDown size={14} aria-hidden />
        </button>
      </RadixMenu.Trigger>
      <RadixMenu.Portal container={layer}>
        <RadixMenu.Content className="menu select-content" align="start" sideOffset={4} aria-label={label}>
          <RadixMenu.Label className="menu-label">{label}</RadixMenu.Label>
          <RadixMenu.RadioGroup value={value} onValueChange={(v) => onChange(v as T)}>
            {options.map((o) => (
              <RadixMenu.RadioItem key={o.value} value={o.value} className="menu-item">
                {o.label}
                <RadixMenu.ItemIndicator className="select-item-indicator">
                  <Check size={14} aria-hidden />
                </RadixMenu.ItemIndicator>
              </RadixMenu.RadioItem>
            ))}
          </RadixMenu.RadioGroup>
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
