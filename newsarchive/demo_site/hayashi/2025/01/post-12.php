<!DOCTYPE html>
<html lang="ja">
<head prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb# article: http://ogp.me/ns/article#">
<meta charset="UTF-8">
<meta name="viewport" content="width=1100">
<title>「出社回帰」をめぐる日米の温度差 | ニューヨーク発 働く現場から | ニューズウィーク日本版 オフィシャルサイト</title>
<meta name="description" content="＜アメリカの大企業が相次いで週5日の出社を求め始めた。一方、日本では在宅勤務を続ける企業も多い。その違いはどこから来るのか＞">
<meta property="og:type" content="article">
<meta property="og:title" content="「出社回帰」をめぐる日米の温度差">
<link rel="stylesheet" href="/css/common/import.css" type="text/css">
<link rel="stylesheet" href="/css/print.css" type="text/css" media="print"/>
<script src="/js/lib/jquery.min.js"></script>
<!-- head_end -->
</head>
<body id="voices" class=" ">
<!-- container -->
<div id="container" class="voices">
<!-- bnrHead -->
<div id="bnrHead" class="imgOver">
<ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" data-ad-client="ca-pub-8662315226639749" data-ad-slot="5330521871"></ins>
<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>
</div>
<!-- /bnrHead -->
<div id="head">
<div class="header_inner">
<div id="naviWrap" class="clearfix">
<ul id="navi" class="rollover clearfix">
<li class="nav_global"><a href="http://www.newsweek.com/" target="_blank"><span class="icon"></span>Newsweek.com</a></li>
<li class="nav_search"><span class="icon"></span>
<form id="cse-search-box" action="/search/" method="get"><input type="text" name="q" class="l-search__text" id="searchinput" placeholder="サイト内検索"/></form>
</li>
<li class="nav_magazine"><a href="/magazine/">本誌紹介<span class="arrow_left_w"></span></a></li>
<li class="nav_subscription"><a href="https://fujisan.co.jp/pc/web-nwj" target="_blank">お得な定期購読<span class="arrow_left_w"></span></a></li>
</ul>
</div>
<ul id="categoryNaviWrap" class="rollover clearfix">
<li class="js-login" style="display:none"><a href="/login/">ログイン</a></li>
<li class="js-mypage nav_paywall member" style="display:none"><a href="javascript:void(0)">会員情報</a>
<div><ul><li><a href="/mypage/">マイページ</a></li><li><a href="/logout/">ログアウト</a></li></ul></div>
</li>
<li class="nav_stories"><a class="txt_col_rd" href="/stories/">最新記事</a></li>
<li class="nav_column"><a class="txt_col_gr" href="/column/">コラム一覧</a></li>
<li class="nav_headlines"><a class="txt_col_bl" href="/headlines/">ニュース速報</a></li>
<li class="nav_ranking"><a class="txt_col_rd" href="#sideRankingPanel">ランキング</a></li>
</ul>
<div id="logo"><a href="/"><img src="/images/header/logo.gif" width="382" height="57" alt="Newsweek" title="Newsweek" /></a></div>
<div id="pageNaviWrap" class="clearfix">
<ul class="rollover clearfix">
<li><a href="/headlines/world/">ワールド</a></li>
<li><a href="/headlines/business/">ビジネス</a></li>
<li><a href="/stories/">特集・最新記事</a></li>
<li><a href="/column/">コラム</a></li>
</ul>
</div>
</div>
</div>
<!-- /head -->
<!-- contentWrap -->
<div id="contentWrap" class="clearfix">
<div id="contentHead" class="clearfix"><dl id="keyWord">
<dt>注目のキーワード</dt>
<dd class="clearfix"><a href="/tagsearch/%E3%83%AD%E3%82%B7%E3%82%A2" rel="tag" title="ロシアのタグ一覧へ"><span id="first-keyword">ロシア</span></a></dd>
<dd><span class="dot-line"></span><a href="/tagsearch/%E4%B8%AD%E5%9B%BD" rel="tag" title="中国のタグ一覧へ">中国</a></dd>
<dd><span class="dot-line"></span><a href="/tagsearch/%E7%B1%B3%E5%A4%A7%E7%B5%B1%E9%A0%98%E9%81%B8" rel="tag" title="米大統領選のタグ一覧へ">米大統領選</a></dd>
<dd><span class="dot-line"></span><a href="/tagsearch/EU" rel="tag" title="EUのタグ一覧へ">EU</a></dd>
</dl></div>
<!-- content -->
<div id="content">
<!-- pankuzu -->
<div id="topicPath" class="clearfix">
<ol id="breadCrumbs">
<li><a href="/">HOME</a></li>
<li><a href="/column/">コラム</a></li>
<li><a href="/hayashi/">ニューヨーク発 働く現場から</a></li>
<li>
「出社回帰」をめぐる日米の温度差
</li>
</ol>
</div>
<!-- /pankuzu -->
<!-- headTitle -->
<div class="contentPanelTitle clearfix">
<div id="contentTitle" class="content-title-nw">
<div class="nw-label-title bg_col_gr">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>コラム</i>
</div>
</div>
</div>
<ul class="indexNavi clearfix">
<li>
<span class="current_page">1</span></li>
<li><a href="post-12_$i.php">&nbsp;2&nbsp;</a>
</li>
<li class="next"><a href="post-12_2.php" title="Next &gt;&gt;"><span class="arrow_btn_link arrow_red_next"></span>Next</a></li>
</ul>
<div id="entryHead">
<div class="txt_col_gr">
<div class="entryAuthor">
<p>
林ゆかり
<span class="blogName">ニューヨーク発 働く現場から</span>
</p>
</div>
</div>
</div>
</div>
<!-- headTitle -->
<div class="contentPanel clickableArea containTitleTxt_RR">
<div class="panelNoShadow entryDetail clearfix">
<!-- entry -->
<div class="clearfix">
<div class="entryDetailHeadline border_btm clearfix">
<h1>「出社回帰」をめぐる日米の温度差</h1>
<div class="entryDataWrap clearfix">
<div class="entryDetailData">
<div class="date">2025年01月29日（水）15時00分</div>
</div>
<!-- ブックマーク -->
<div class="tackBlock clearfix">
<div class="bookmark clearfix">
<div id = "shareTool">
</div>
</div>
<script type="text/javascript" src="/js/sns.js"></script>
<script type="text/javascript">
var postName  = "「出社回帰」をめぐる日米の温度差"
var parmaLink = "/hayashi/2025/01/post-12.php"
var author    = "林ゆかり"
shareTool(postName, parmaLink, author)
</script>
</div>
</div>
<!-- ブックマーク -->
</div>
<!-- entryDetailBodyCopy -->
<div class="entryDetailBodyCopy">
<p><strong>＜アメリカの大企業が相次いで週5日の出社を求め始めた。一方、日本では在宅勤務を続ける企業も多い。その違いはどこから来るのか＞</strong></p>
<p>年明けから、マンハッタンの地下鉄が目に見えて混み始めました。大手銀行やIT企業が、社員に週5日の出社を求める方針を相次いで打ち出したためです。</p>
<p>コロナ禍のさなかには、多くの企業が「どこでも働ける」ことを売りにしていました。それがわずか数年で、オフィスに戻ることが当然とされる空気に変わりつつあります。</p>
<div class="ad-teads-nw-box"><div class="ad-teads-nw"></div></div><br>
<h4>経営者が出社にこだわる理由</h4>
<p>経営者の側は、対面での議論が新しいアイデアを生み、若手の育成にも欠かせないと説明します。ですが、社員の間では「本当の狙いは人員削減ではないか」という受け止めも少なくありません。</p>
<p><!-- SET_ASSOCIATE --></p>
<div class="entryPagenate">
<div class='nextPageTitle'><a href='post-12_2.php'><span><em>次のページ</em><em>日本の職場はどうか<br /></em></span></a></div>
<ul class="indexNavi clearfix">
<li>
<span class="current_page">1</span></li>
<li><a href="post-12_$i.php">&nbsp;2&nbsp;</a>
</li>
<li class="next"><a href="post-12_2.php" title="次のページ &gt;&gt;"><span class="arrow_btn_link arrow_red_next"></span>次のページ</a></li>
</ul>
</div>
</div>
<!-- /entryDetailBodyCopy -->
</div>
<!-- /entry -->
</div>
</div>
<div id="profileWrap" class="border_btm">
<div class="nw-label-title bg_col_gr"><div class="nw-label-title-inner"><span class="arrow_d"></span><i>プロフィール</i></div></div>
<div id="authorProfile" class="clearfix">
<div class="profileTxt">
<h3>林ゆかり</h3>
<p>(はやし ゆかり)ニューヨーク在住のライター。日米の職場と働き方をテーマに取材を続ける。</p>
</div>
</div>
</div>
<div id="btm-contents">
<!-- 関連ワード -->
<div id="related-words" class="border_btm">
<div class="nw-label-title bg_col_bk">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>関連ワード</i>
</div>
</div>
<ul>
<li><a href="/tagsearch/働き方" rel="tag" title="働き方のタグ一覧へ">働き方</a></li><li><a href="/tagsearch/在宅勤務" rel="tag" title="在宅勤務のタグ一覧へ">在宅勤務</a></li><li><a href="/tagsearch/アメリカ社会" rel="tag" title="アメリカ社会のタグ一覧へ">アメリカ社会</a></li> </ul>
</div>
<div id="latestheadlineslist" class="pageDetail mt20">
<a href="/headlines/">
<div class="nw-label-title bg_col_bl">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>ニュース速報</i>
</div>
</div>
</a>
<div class="list_wrap border_btm clearfix">
<div class="list-content"><a href="/headlines/world/2025/02/548600.php"></a><div class="entryImg"><img   src="/images/demo/photo.svg" width="186" height="186"></div><div class="content-txt"><div class="entry clearfix"><p class="label">ワールド</p><div class="entryTxt"><div class="title">米、カナダとメキシコへの関税発動を30日延期 …</div><div class="entryDate">2025.02.04</div></div></div></div></div><div class="list-content"><a href="/headlines/business/2025/01/548230.php"></a><div class="entryImg"><img   src="/images/demo/photo.svg" width="186" height="186"></div><div class="content-txt"><div class="entry clearfix"><p class="label">ビジネス</p><div class="entryTxt"><div class="title">東京株式市場・大引け＝続伸、半導体関連に買い …</div><div class="entryDate">2025.01.22</div></div></div></div></div><div class="list-content"><a href="/headlines/world/2025/01/548120.php"></a><div class="entryImg"><img   src="/images/demo/photo.svg" width="186" height="186"></div><div class="content-txt"><div class="entry clearfix"><p class="label">ワールド</p><div class="entryTxt"><div class="title">ガザ停戦が発効、人質3人解放 イスラエルは収監…</div><div class="entryDate">2025.01.20</div></div></div></div></div>
</div>
<div class="txt_col_bl btmLink"><a href="/headlines/"><span class="arrow_btm_link"></span>ニュース速報一覧</a></div>
</div>
</div>
</div>
<!-- /content -->
<!-- sideContent -->
<div id="sideContent">
<div id="sideMagazine" class="border_btm">
<div class="nw-label-title bg_col_bk">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>MAGAZINE</i>
</div>
</div>
<div class="magazineBox clearfix">
<div class="magazineImg"><a href="/magazine/"><img src="https://img-newsweekjapan.jp/magazine/images/2025-11-25.jpg" alt="特集:世界も「老害」戦争" width="120"></a></div>
<div class="magazineTxt">
<p class="title"><a href="/magazine/">特集:世界も「老害」戦争</a></p>
<p class="issue">2025年11月25日号(11/18発売)</p>
<p class="lead">アメリカもヨーロッパも高齢化が進み、未来を担う若者が「犠牲」に</p>
</div>
</div>
<div class="mailMagazine"><a href="/mailmagazine/">メールマガジンのご登録はこちらから。</a></div>
</div>
<div id="sideRankingPanel" class="border_btm">
<div class="nw-label-title bg_col_rd">
<div class="nw-label-title-inner">
<span class="arrow_d"></span><i>人気ランキング</i>
</div>
</div>
<ul class="rankingTab clearfix"><li class="on"><a href="#ranking-1">総合</a></li></ul>
<ol class="rankingList" id="ranking-1"><li class="clearfix"><span class="rankNum">1</span><a href="/stories/technology/2025/02/post-107300.php"><p class="title">中国発AI「DeepSeek」の衝撃、米ハイテク株が揺れた1日</p></a></li><li class="clearfix"><span class="rankNum">2</span><a href="/stories/world/2025/01/post-107050.php"><p class="title">「売り物ではない」グリーンランド、トランプの野心に揺れる北の島</p></a></li><li class="clearfix"><span class="rankNum">3</span><a href="/headlines/world/2025/02/548600.php"><p class="title">米、カナダとメキシコへの関税発動を30日延期 国境対策強化で合意</p></a></li><li class="clearfix"><span class="rankNum">4</span><a href="/hayashi/2025/01/post-12.php"><p class="title">「出社回帰」をめぐる日米の温度差</p></a></li><li class="clearfix"><span class="rankNum">5</span><a href="/headlines/world/2025/01/548000.php"><p class="title">ロシア・イラン大統領、戦略条約締結 20年協定で防衛協力を強化</p></a></li></ol>
<div class="btmLink txt_col_rd"><a href="/ranking/"><span class="arrow_btm_link"></span>ランキング一覧</a></div>
</div>
</div>
<!-- /sideContent -->
</div>
<!-- /contentWrap -->
<!-- footer -->
<div id="footer">
<div class="footer_inner clearfix">
<div id="footerLogo"><a href="/"><img src="/images/footer/logo.gif" alt="Newsweek 日本版"></a></div>
<ul class="footerNavi clearfix">
<li><a href="/info/company.html">会社概要</a></li>
<li><a href="/info/privacy.html">プライバシーポリシー</a></li>
<li><a href="/info/ad.html">広告掲載</a></li>
<li><a href="/info/contact.html">お問い合わせ</a></li>
<li><a href="/headlines.rss">RSS</a></li>
</ul>
<p class="copyright">Copyright (C) 2025 CCC Media House Co.,Ltd. All Rights Reserved.</p>
</div>
</div>
<!-- /footer -->
</div>
<!-- /container -->
</body>
</html>
