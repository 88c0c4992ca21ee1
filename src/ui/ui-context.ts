import { createContext, useContext } from 'react';
import { defaultUiSettings, type UiSettings } from './ui-settings.js';

export const UiContext = createContext<UiSettings>(defaultUiSettings);

export function useUi(): UiSettings {
  return useContext(UiContext);
}
