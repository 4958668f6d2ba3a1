import { useEffect } from 'react';

/** The browser tab's title for one screen ("Harbor Fund · Poolgraph"), so tabs and history read. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Poolgraph` : 'Poolgraph';
  }, [title]);
}
