import type { ArticleSummary } from '@/lib/articles';
import { ArticleCard } from './article-card';

export function ArticleGrid({ articles, level = 3 }: { articles: ArticleSummary[]; level?: 2 | 3 }) {
  return (
    <div className="grid gap-x-8 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} level={level} />
      ))}
    </div>
  );
}
