import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import type { ReactElement, ReactNode } from 'react';
import { usePopupLayer } from './PopupLayer.tsx';

export interface MenuItem {
  label: string;
  icon?: ReactNode;
  danger?: boolean;
  onSelect: () => void;
}

/** A dropdown menu (Radix): arrow keys, type-ahead, Escape and outside clicks behave as in any app. */
export function Menu({
  trigger,
  items,
  label,
  align = 'end',
}: {
  trigger: ReactElement;
  items: (MenuItem | 'separator')[];
  label?: string;
  align?: 'start' | 'end';
}) {
  const layer = usePopupLayer();
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal container={layer}>
        <RadixMenu.Content className="menu" align={align} sideOffset={4} aria-label={label}>
          {items.map((item, i) =>
            item === 'separator' ? (
              <RadixMenu.Separator key={`s${i}`} className="menu-separator" />
            ) : (
              <RadixMenu.Item
                key={item.label}
                className={item.danger ? 'menu-item danger' : 'menu-item'}
                onSelect={item.onSelect}
              >
                {item.icon}
                {item.label}
              </RadixMenu.Item>
            ),
          )}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
