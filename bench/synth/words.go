package synth

import "strings"

// coreWords are the first content words of the Simon process, so the most
// frequent: common terms of machine learning and computer science papers,
// roughly most common first. Written for this generator.
var coreWords = strings.Fields(`
learning neural model models network networks data training method methods performance deep
language tasks task large results approach framework based new propose show state art
representation representations generation image images graph attention transformer transformers
optimization reinforcement policy agent agents diffusion generative adversarial inference
efficient robust fine tuning pretrained pretraining supervised unsupervised self contrastive
classification detection segmentation recognition retrieval reasoning prediction estimation
benchmark benchmarks evaluation dataset datasets accuracy loss gradient gradients stochastic
convex convergence theory theoretical analysis empirical experiments experimental baseline baselines
algorithm algorithms linear nonlinear sparse dense kernel bayesian probabilistic uncertainty
causal causality fairness privacy federated distributed parallel scalable scaling memory
continual lifelong transfer domain adaptation generalization shift robustness adversarial
multimodal vision visual video audio speech text textual semantic syntactic knowledge
embedding embeddings encoder decoder autoencoder variational latent space spaces feature
features layer layers convolutional recurrent sequence sequences token tokens vocabulary
prompt prompting instruction alignment preference reward human feedback safety harmful
interpretability explanation explainable mechanistic circuits neurons activation activations
spiking hebbian plasticity synaptic brain cortex neuroscience biological cognitive
robot robotic robotics manipulation grasping navigation control planning trajectory motion
point cloud clouds depth scene scenes object objects 3d rendering radiance field fields
medical clinical health patient patients imaging molecular protein proteins drug chemical
time series forecasting temporal spatial spatiotemporal dynamics dynamical physics simulation
search ranking recommendation user users query queries question answering dialogue
translation summarization generation code program programs synthesis software verification
quantization pruning distillation compression sparsity efficient inference latency hardware
energy accelerator edge mobile devices low rank adapter adapters mixture experts routing
sampling sampler samples noise denoising score matching flow flows normalizing energy
bandit bandits regret online offline exploration exploitation value function functions
markov decision process processes gaussian kernels manifold geometry geometric equivariant
invariant symmetry topology topological hierarchical clustering metric metrics similarity
active semi weakly label labels noisy annotation annotations zero few shot meta
curriculum augmentation augmented synthetic real world open vocabulary long context window
hallucination factuality calibration confidence conformal coverage guarantees bounds bound
complexity sample lower upper minimax optimal statistical estimator estimators regression
matrix tensor factorization decomposition spectral eigenvalue random features kernel
attack attacks defense backdoor poisoning watermark watermarking membership unlearning
agentic tool tools planning world simulator emergent scaling laws compute budget
evaluation leaderboard human preferences judge judges chain thought reasoning mathematical
theorem proving formal logic symbolic neuro program induction abstraction compositional
llm llms gan gans rl nlp cnn cnns rnn lstm gnn gnns vae mlp
`)

// acronyms among coreWords, which papers write in capitals.
var acronyms = map[string]bool{
	"3d": true, "llm": true, "llms": true, "gan": true, "gans": true, "rl": true, "nlp": true, "cnn": true,
	"cnns": true, "rnn": true, "lstm": true, "gnn": true, "gnns": true, "vae": true, "mlp": true,
}

// functionWords fill the abstracts' sentences, most common first.
var functionWords = strings.Fields(`the of and to a in we that for is on with this our by as are from an be
which can these it its show propose both while such than more between into also using their over how
however across under without through most each has have not only new two first well when where`)

// Names, written for this generator: real surnames and given names of many
// places, and syllables to make more of the same shape.
var (
	chineseSurnames = strings.Fields(`Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo
		Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su
		Lü Ding Ren Shen Yao Lu Cui Zhong Tan Fan Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Xiong Qin Qiu Hou Yin Xue
		Yan Duan Lei Long Shao Qian Mao Hao Kong Kang Gu Wan Chang Qi Lai Gong Wen Shu Niu Dai Hong`)
	pinyin = strings.Fields(`wei jun hao yu xin jie ming hui ling yan fang lei tao qiang jing li na xiao zhi yi chen yang
		peng bo kai rui han ze zi xuan hong tian long feng yun qing shu mei lan ying jia ning wen hua guo dong song
		xiang bin chao fei gang heng jian kun lin meng nan qi rong shan ting xue yong zhen zhong an dan cong sheng xu
		ye zhe yue di kang hang jin chun shuo tong ao`)
	indianSurnames = strings.Fields(`Sharma Gupta Singh Kumar Patel Reddy Iyer Nair Rao Mukherjee Banerjee Chatterjee
		Agarwal Joshi Mehta Desai Krishnan Subramanian Venkatesh Menon Pillai Bhattacharya Das Ghosh Sen Bose
		Chakraborty Kulkarni Deshpande Jain Shah Verma Mishra Pandey Tiwari Saxena Srivastava Chaudhary Yadav
		Ramachandran Narayanan Raghavan Srinivasan Balasubramanian Swaminathan Hegde Shetty Bhat Kapoor Malhotra`)
	indianGiven = strings.Fields(`Aditya Priya Rahul Ananya Arjun Kavya Rohan Sneha Vikram Divya Siddharth Meera
		Karthik Pooja Abhishek Shreya Nikhil Ishaan Tanvi Varun Neha Aravind Lakshmi Sanjay Deepika Harsh Anjali
		Pranav Ritu Gaurav Swati Akshay Nandini Vivek Radhika Suresh Kiran Manoj Aishwarya`)
	indianSyl = strings.Fields("ra ma na ka va sha ha pa la ja ri ni vi shi ki ti su bha dha ga ya ru")
	korean    = strings.Fields("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon Hong")
	koreanSyl = strings.Fields("min jun seo yeon ji hoon woo jin hyun soo young eun ha sung ho dong kyung")
	japanese  = strings.Fields(`Tanaka Suzuki Sato Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida
		Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Ikeda Hashimoto Ishikawa Ogawa Fujita`)
	japaneseGiven = strings.Fields(`Hiroshi Takeshi Yuki Kenji Akira Haruka Satoshi Naoki Yusuke Shota Ayumi
		Kazuki Ryota Daisuke Emi Takumi Kenta Mai Sho Yuto`)
	vietnamese     = strings.Fields("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý")
	vietnameseGive = strings.Fields("Anh Minh Thảo Hùng Dũng Quang Tuấn Linh Hương Phương Khoa Bảo Trung Huy Nam")
	persianArabic  = strings.Fields(`Hosseini Ahmadi Mohammadi Rezaei Karimi Moradi Hashemi Rahimi Sadeghi Jafari
		Rahman Haddad Khalil Mansour Nasser Saleh Aziz Farouk Hamdan Abbasi Tehrani Kazemi Alavi Najafi Yousefi`)
	persianArabicGiven = strings.Fields(`Ali Mohammad Reza Sara Maryam Hossein Fatemeh Amir Zahra Omar Layla Youssef
		Nour Karim Hassan Mina Arash Parisa Mahdi Yasmin`)
	europeanSurnames = strings.Fields(`Müller Schäfer Groß Schröder Köhler Weiß Krüger Böhm Schmidt Fischer Wagner Becker
		Hoffmann Dubois Lefèvre Bérubé Moreau Laurent Girard Rousseau Mercier Fontaine Chevalier García Martínez
		Núñez Rodríguez López Sánchez Pérez Gómez Fernández Díaz Jiménez Muñoz Álvarez Romero Kowalski Wiśniewski
		Wójcik Kamiński Lewandowski Zieliński Szymański Nørgaard Åström Sjöberg Lindqvist Bjørnstad Håkansson
		Öztürk Çelik Yılmaz Şahin Doğan Dvořák Novák Svoboda Procházka Gonçalves Ferreira Pereira Carvalho
		Rossi Russo Bianchi Romano Colombo Ricci Marino Greco Bruno Esposito Jansen Bakker Visser Smit Meijer
		Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson
		White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams Baker Nelson
		O'Brien McAllister Ivanov Petrov Smirnov Kuznetsov Popescu Ionescu Horváth Nagy Papadopoulos Georgiou`)
	europeanGiven = strings.Fields(`Jürgen Sören Jörg Anna Lukas Felix Hannah Léa Chloé Élodie François Hélène Jérôme
		José María Lucía Iñigo Sofía Andrés Łukasz Michał Zofia Agnieszka Paweł Søren Åsa Björn Ingrid Mats Emre
		Ayşe Zeynep Jiří Petra Tomáš João Inês Gonçalo Giulia Matteo Francesca Luca Pieter Sanne Daan James Mary
		Emily Michael Sarah David Laura Daniel Olivia Thomas Alice Peter Claire Ivan Elena Dmitri Olga Andrei Ioana
		Gábor Zsófia Nikos Eleni`)
	europeanRoot = strings.Fields(`ber bran dal fal gar hal kar lind mar nor ost rad sten vol wal wick hol brom kell
		stra fren mol tor ven zan`)
	europeanEnd = strings.Fields(`son sen ski ová ez elli mann berg ović ard ier eau ström holm ini escu ak ens ley ton`)
	// A few names as their owners write them, in their own scripts.
	ownScripts = strings.Fields(`王伟 李娜 张敏 刘洋 陈静 김민준 이서연 박지훈 田中健 佐藤美咲 Иван_Петров
		Мария_Смирнова Αλέξανδρος_Παπαδόπουλος Ελένη_Γεωργίου`)
)

// person makes an author's name, from places in about the shares of a
// large machine learning conference.
func (g *gen) person() string {
	r := g.r
	switch k := r.IntN(100); {
	case k < 34:
		given := capitalize(pick(r, pinyin))
		if r.IntN(3) > 0 {
			if r.IntN(5) == 0 {
				given += "-" + capitalize(pick(r, pinyin))
			} else {
				given += pick(r, pinyin)
			}
		}
		return given + " " + pick(r, chineseSurnames)
	case k < 46:
		sur := pick(r, indianSurnames)
		if r.IntN(2) == 0 {
			sur = capitalize(pick(r, indianSyl) + pick(r, indianSyl) + pick(r, []string{"an", "iah", "appa", "esh", "ani", "ar", "endra"}))
		}
		return pick(r, indianGiven) + " " + sur
	case k < 53:
		given := capitalize(pick(r, koreanSyl) + "-" + pick(r, koreanSyl))
		return given + " " + pick(r, korean)
	case k < 58:
		return pick(r, japaneseGiven) + " " + pick(r, japanese)
	case k < 61:
		return pick(r, vietnameseGive) + " " + pick(r, vietnamese)
	case k < 66:
		return pick(r, persianArabicGiven) + " " + pick(r, persianArabic)
	case k < 98:
		sur := pick(r, europeanSurnames)
		if r.IntN(2) == 0 {
			sur = capitalize(pick(r, europeanRoot) + pick(r, europeanEnd))
			if r.IntN(3) == 0 {
				sur = capitalize(pick(r, europeanRoot)+pick(r, vowels)+pick(r, europeanRoot)) + pick(r, europeanEnd)
			}
		}
		given := pick(r, europeanGiven)
		if r.IntN(6) == 0 {
			given += " " + string(pick(r, europeanGiven)[0]) + "."
		}
		return given + " " + sur
	}
	return strings.ReplaceAll(pick(r, ownScripts), "_", " ")
}
