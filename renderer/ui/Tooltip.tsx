import * as RadixTooltip from '@radix-ui/react-tooltip';
import type { ReactElement, ReactNode } from 'react';
import { usePopupLayer } from './PopupLayer.tsx';

/** A short hint on hover and keyboard focus; the trigger keeps its own accessible name. */
export function Tooltip({
  label,
  shortcut,
  children,
}: {
  label: ReactNode;
  shortcut?: string;
  children: ReactElement;
}) {
  const layer = usePopupLayer();
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal container={layer}>
        <RadixTooltip.Content className="tooltip" side="right" sideOffset={6}>
          {label}
          {shortcut ? <kbd>{shortcut}</kbd> : null}
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}

export const TooltipProvider = RadixTooltip.Provider;
