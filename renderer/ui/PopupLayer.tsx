import { createContext, useContext, useState, type ReactNode } from 'react';

const LayerContext = createContext<HTMLElement | null>(null);

/**
 * Wraps a landmark's content (`main`, the sidebar's `nav`) and gives the menus, popovers and
 * tooltips opened inside it a place in that landmark. Radix portals them to the end of `body` by
 * default, outside every landmark, so a screen reader's landmark list cannot reach an open menu and
 * axe reports its items (`region`). They are positioned `fixed`, so the landmark's scrolling does
 * not clip them.
 */
export function PopupLayer({ children }: { children: ReactNode }) {
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  return (
    <LayerContext.Provider value={layer}>
      {children}
      <div ref={setLayer} className="popup-layer" />
    </LayerContext.Provider>
  );
}

/**
 * Popups inside a dialog stay with Radix's default (the body): a modal dialog hides everything
 * outside itself from assistive technology, the page's landmarks included, and the dialog itself
 * counts as a region; rendering into it would clip them to its scrolling box.
 */
export function OutsidePopupLayer({ children }: { children: ReactNode }) {
  return <LayerContext.Provider value={null}>{children}</LayerContext.Provider>;
}

/** The element a Radix `Portal` renders into (`container`); null means the body. */
export const usePopupLayer = (): HTMLElement | null => useContext(LayerContext);
