import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { pagePaths } from './routes';
import { useSession } from './session';

export function App() {
  const session = useSession();
  return (
    <Layout session={session}>
      <Routes>
        <Route path={pagePaths.home} element={<HomePage session={session} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
