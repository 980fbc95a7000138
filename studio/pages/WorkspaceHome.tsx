import { PlaceholderPage } from './PlaceholderPage';

export default function WorkspaceHome() {
  return <PlaceholderPage title="workspace.title" description="workspace.description" issue={8} />;
}
