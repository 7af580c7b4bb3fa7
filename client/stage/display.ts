/** Page-level display switches of the stage screens (Q toggles the QR code). */
import { createContext, useContext } from 'react';

export interface StageDisplay {
  showQr: boolean;
}

export const StageDisplayContext = createContext<StageDisplay>({ showQr: true });

export function useStageDisplay(): StageDisplay {
  return useContext(StageDisplayContext);
}
